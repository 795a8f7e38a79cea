"""Demo data for trying Kansrijk: `kansrijk demo --port 8000` (or `make run`).

It loads the CBS regions, the four seed coalitions (Zaanstad, Gelderland-Midden, Zuid-Limburg,
Zeist) with their partner organisations, demo log-ins for every role, and a sociale kaart of
about 420 services. Every demo log-in has the password in services.DEMO_PASSWORD
("kansrijk-demo"); log-ins whose role needs a second factor get a fixed TOTP key, printed as a
secret for an authenticator app. People are made up; organisation names are real, their contact
details invented. Never use a demo database for real clients.
"""
