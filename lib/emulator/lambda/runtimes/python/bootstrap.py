"""Portico's local Python runtime: a Lambda Runtime API client, standard library only.

It does what the python3.x runtimes' interface client does (see "Building Lambda functions with
Python", https://docs.aws.amazon.com/lambda/latest/dg/lambda-python.html, and "Using the Lambda
runtime API for custom runtimes", https://docs.aws.amazon.com/lambda/latest/dg/runtimes-api.html):
import the handler from LAMBDA_TASK_ROOT during init, then loop on invocation/next, call the
handler with the event and the documented context object, and post the result or the error.
"""

import http.client
import importlib
import json
import logging
import os
import sys
import time
import traceback

API = os.environ["AWS_LAMBDA_RUNTIME_API"]
PREFIX = "/2018-06-01/runtime"
TASK_ROOT = os.environ.get("LAMBDA_TASK_ROOT", os.getcwd())
HANDLER = os.environ.get("_HANDLER", "")

_connection = None
_request_id = None


def _call(method, path, body=None, headers=None):
    """One request on a kept-alive connection (reopened when the server closed it)."""
    global _connection
    for attempt in (0, 1):
        if _connection is None:
            host, port = API.rsplit(":", 1)
            _connection = http.client.HTTPConnection(host, int(port))
        try:
            _connection.request(method, PREFIX + path, body=body, headers=headers or {})
            response = _connection.getresponse()
            return response, response.read()
        except (ConnectionError, http.client.HTTPException):
            _connection.close()
            _connection = None
            if attempt:
                raise


def _error(exc, request_id=None, error_type=None, message=None):
    """Lambda's error shape for Python: errorMessage, errorType, requestId, stackTrace."""
    stack = traceback.format_list(traceback.extract_tb(exc.__traceback__)) if exc is not None else []
    data = {
        "errorMessage": message if message is not None else str(exc),
        "errorType": error_type or type(exc).__name__,
        "requestId": request_id or "",
        "stackTrace": stack,
    }
    # The runtime logs the failure in this form before reporting it.
    text = "[ERROR] %s: %s" % (data["errorType"], data["errorMessage"])
    if stack:
        text += "\nTraceback (most recent call last):\n" + "".join(stack)
    sys.stdout.write(text.rstrip("\n") + "\n")
    return data


def _post_error(path, data):
    body = json.dumps(data).encode("utf-8")
    headers = {
        "Content-Type": "application/vnd.aws.lambda.error+json",
        "Lambda-Runtime-Function-Error-Type": data["errorType"],
    }
    _call("POST", path, body, headers)


def _load_handler():
    """Imports `module.function` (module may be `pkg/mod`) with the runtime's error types and messages."""
    try:
        module_name, function_name = HANDLER.rsplit(".", 1)
    except ValueError as exc:
        raise _InitError("Runtime.MalformedHandlerName", "Bad handler '%s': %s" % (HANDLER, exc), exc)
    module_name = module_name.replace("/", ".")
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        raise _InitError("Runtime.ImportModuleError", "Unable to import module '%s': %s" % (module_name, exc), exc)
    except SyntaxError as exc:
        raise _InitError("Runtime.UserCodeSyntaxError", "Syntax error in module '%s': %s" % (module_name, exc), exc)
    handler = getattr(module, function_name, None)
    if handler is None:
        raise _InitError(
            "Runtime.HandlerNotFound", "Handler '%s' missing on module '%s'" % (function_name, module_name), None
        )
    return handler


class _InitError(Exception):
    def __init__(self, error_type, message, cause):
        Exception.__init__(self, message)
        self.error_type = error_type
        self.message = message
        self.cause = cause


class LambdaContext(object):
    """The documented context object ("Using the Lambda context object to retrieve Python function information")."""

    def __init__(self, request_id, deadline_ms, invoked_function_arn, client_context, identity):
        self.aws_request_id = request_id
        self.invoked_function_arn = invoked_function_arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self.client_context = client_context
        self.identity = identity
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))


class _Namespace(object):
    def __init__(self, values):
        for key, value in (values or {}).items():
            setattr(self, key, value)


class _LambdaLogHandler(logging.Handler):
    """The runtime's log line: `[LEVEL]\\t<time>Z\\t<request id>\\t<message>`."""

    def emit(self, record):
        stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created)) + ".%03dZ" % record.msecs
        message = self.format(record)
        sys.stdout.write("[%s]\t%s\t%s\t%s\n" % (record.levelname, stamp, _request_id or "", message))
        sys.stdout.flush()


def _json_header(value):
    if not value:
        return None
    try:
        return json.loads(value)
    except ValueError:
        return None


def main():
    global _request_id
    sys.path.insert(0, TASK_ROOT)
    root = logging.getLogger()
    root.handlers = [_LambdaLogHandler()]
    try:
        handler = _load_handler()
    except _InitError as exc:
        _post_error("/init/error", _error(exc.cause, None, exc.error_type, exc.message))
        sys.exit(1)
    except Exception as exc:  # an exception raised by the module's own top-level code
        _post_error("/init/error", _error(exc))
        sys.exit(1)

    while True:
        response, body = _call("GET", "/invocation/next")
        request_id = response.getheader("Lambda-Runtime-Aws-Request-Id")
        _request_id = request_id
        trace_id = response.getheader("Lambda-Runtime-Trace-Id")
        if trace_id:
            os.environ["_X_AMZN_TRACE_ID"] = trace_id
        client_context = _json_header(response.getheader("Lambda-Runtime-Client-Context"))
        identity = _json_header(response.getheader("Lambda-Runtime-Cognito-Identity"))
        context = LambdaContext(
            request_id,
            int(response.getheader("Lambda-Runtime-Deadline-Ms") or "0"),
            response.getheader("Lambda-Runtime-Invoked-Function-Arn"),
            _Namespace(client_context) if client_context is not None else None,
            _Namespace(identity) if identity is not None else None,
        )
        try:
            event = json.loads(body.decode("utf-8")) if body else None
            result = handler(event, context)
        except Exception as exc:
            _post_error("/invocation/%s/error" % request_id, _error(exc, request_id))
            continue
        try:
            payload = json.dumps(result).encode("utf-8")
        except (TypeError, ValueError) as exc:
            message = "Unable to marshal response: %s" % exc
            _post_error("/invocation/%s/error" % request_id, _error(exc, request_id, "Runtime.MarshalError", message))
            continue
        _call("POST", "/invocation/%s/response" % request_id, payload, {"Content-Type": "application/json"})
        sys.stdout.flush()


if __name__ == "__main__":
    # The bootstrap's own directory must not shadow the function's modules.
    if sys.path and os.path.abspath(sys.path[0]) == os.path.dirname(os.path.abspath(__file__)):
        sys.path.pop(0)
    try:
        main()
    except (ConnectionError, http.client.HTTPException):
        # The emulator closed the Runtime API: the environment is being shut down.
        sys.exit(0)
