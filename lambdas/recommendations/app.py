"""Recommendations service, written in Python by its team: GET /recommendations?userId=u-1.

It runs on Lambda's python3.12 runtime and locally through Portico's Runtime API (no Docker).
Standard library only; it keeps its own copy of the catalogue: services share no state.
"""

import json

CATALOGUE = {
    "BOOK-001": "Notes on the Analytical Engine",
    "MUG-042": "Debugging mug",
    "PEN-007": "Fountain pen",
}

# What each user bought (the orders service owns the real data; this is the model's snapshot).
PURCHASES = {"u-1": ["BOOK-001", "PEN-007"], "u-2": ["MUG-042"]}


def _response(status, body):
    return {
        "statusCode": status,
        "headers": {"Content-Type": "application/json", "x-service-runtime": "python"},
        "body": json.dumps(body),
    }


def handler(event, context):
    params = event.get("queryStringParameters") or {}
    user_id = params.get("userId")
    if not user_id:
        return _response(400, {"message": "userId is required"})
    bought = set(PURCHASES.get(user_id, []))
    items = [{"sku": sku, "title": title} for sku, title in sorted(CATALOGUE.items()) if sku not in bought]
    return _response(200, {"userId": user_id, "items": items, "requestId": context.aws_request_id})
