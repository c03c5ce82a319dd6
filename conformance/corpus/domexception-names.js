// RT-6 DOMException: legacy codes for the standard names, constants, defaults, instanceof Error
export default {
  fetch() {
    const names = ['IndexSizeError', 'NotFoundError', 'NotSupportedError', 'InvalidStateError', 'SyntaxError', 'InvalidAccessError',
      'TypeMismatchError', 'SecurityError', 'NetworkError', 'AbortError', 'QuotaExceededError', 'TimeoutError', 'DataCloneError',
      'InvalidCharacterError', 'OperationError', 'DataError', 'EncodingError', 'UnknownCustomError'];
    const codes = Object.fromEntries(names.map((n) => [n, new DOMException('m', n).code]));
    const d = new DOMException();
    return Response.json({ codes, defaults: [d.name, d.message, d.code], isError: d instanceof Error,
      constants: [DOMException.ABORT_ERR, DOMException.NOT_FOUND_ERR, DOMException.DATA_CLONE_ERR, new DOMException('x').TIMEOUT_ERR],
      str: String(new DOMException('boom', 'AbortError')) });
  },
};
