"""Form helpers every app's views use."""

from django.core.exceptions import ValidationError


def form_errors_add(form, error: ValidationError) -> None:
    """Put a service's ValidationError on the form: each field's messages on that field (or on
    the form when the form has no such field), a plain message on the form."""
    if hasattr(error, "error_dict"):
        for field, messages in error.message_dict.items():
            form.add_error(field if field in form.fields else None, messages)
    else:
        form.add_error(None, error.messages)
