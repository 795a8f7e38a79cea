"""The HSDS 3.0 API under /api/hsds/. (Being written: see the API helper.)"""

from ninja import NinjaAPI

api = NinjaAPI(urls_namespace="hsds", title="Kansrijk HSDS 3.0 API", version="3.0")
