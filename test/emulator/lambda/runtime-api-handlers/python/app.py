"""Python handlers for the Runtime API tests: each shows one documented behaviour."""
import json
import os
import time

import greeting  # from the layer (layer/python), as on Lambda's /opt/python


def context_info(event, context):
    print("handling", event.get("name"))
    return {
        "event": event,
        "requestId": context.aws_request_id,
        "functionName": context.function_name,
        "functionVersion": context.function_version,
        "memoryLimitInMB": context.memory_limit_in_mb,
        "invokedFunctionArn": context.invoked_function_arn,
        "remaining": context.get_remaining_time_in_millis(),
        "logGroupName": context.log_group_name,
        "env": {key: os.environ.get(key) for key in ("AWS_LAMBDA_FUNCTION_NAME", "AWS_REGION", "TZ", "GREETING", "_HANDLER", "LAMBDA_TASK_ROOT")},
        "traceId": os.environ.get("_X_AMZN_TRACE_ID"),
    }


def proxy(event, context):
    return {
        "statusCode": 200,
        "headers": {"content-type": "application/json"},
        "body": json.dumps({"path": event["path"], "greeting": greeting.hello("python")}),
    }


def authorizer(event, context):
    if event.get("authorizationToken") != "allow":
        raise Exception("Unauthorized")
    return {
        "principalId": "py-user",
        "policyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Action": "execute-api:Invoke", "Effect": "Allow", "Resource": event["methodArn"]}],
        },
        "context": {"runtime": "python"},
    }


class OrderNotFound(Exception):
    pass


def raises(event, context):
    raise OrderNotFound("order 42 does not exist")


def sleeps(event, context):
    time.sleep(30)


def pid(event, context):
    time.sleep(event.get("sleep", 0))
    return "%d:0" % os.getpid()


def not_json(event, context):
    return {"when": object()}


def spins(event, context):
    while True:
        pass
