class FeelSyntaxError(ValueError):
    """A FEEL expression that cannot be parsed; `position` is the offset in the text."""

    def __init__(self, message: str, position: int = 0):
        super().__init__(message)
        self.message = message
        self.position = position

    def __str__(self) -> str:
        return f"{self.message} (at character {self.position + 1})"
