"""The open API under /api/v1/ (docs/api.md): the read endpoints, the OpenAPI document that
describes every endpoint, and the URLs that put them beside the sync endpoints of
logging_app/api.py. At the top layer, so it may read every app."""
