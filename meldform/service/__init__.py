"""``meldform serve``: the HTTP service over the Python API (Starlette on uvicorn).

``settings`` (limits, token file), ``guard`` (language, token, admission, body cap, time limit),
``problems`` (RFC 9457 answers), ``openapi`` (the OpenAPI 3.1 description, from the contract's
schemas), ``logs`` (an access log without personal data), ``app`` (routes and handlers;
``create_app(settings)`` is the ASGI app) and ``server`` (binding and uvicorn workers).

Nothing is imported here, so ``meldform.service.settings`` works without Starlette installed.
"""
