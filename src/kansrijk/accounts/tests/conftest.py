from kansrijk.accounts.testing import *  # noqa: F403  (personas and login_as)
