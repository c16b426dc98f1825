import type { Plugin } from 'graphql-yoga';

/** A GraphQL operation, even a large import, fits well within this. */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Refuses request bodies over the limit with 413 before anything parses them: by the declared
 * length when there is one, else by counting the bytes as they arrive.
 */
export function bodyLimit(maxBytes = MAX_BODY_BYTES): Plugin {
  return {
    async onRequest(payload) {
      const { request, fetchAPI } = payload;
      if (request.method === 'GET' || request.method === 'HEAD' || !request.body) return;
      const tooLarge = () =>
        payload.endResponse(
          new fetchAPI.Response(
            JSON.stringify({ errors: [{ message: `The request body exceeds ${maxBytes} bytes` }] }),
            {
              status: 413,
              headers: { 'content-type': 'application/json' },
            },
          ),
        );
      const declared = request.headers.get('content-length');
      if (declared !== null) {
        if (Number(declared) > maxBytes) tooLarge();
        return;
      }
      const reader = request.body.getReader();
      const chunks: Uint8Array[] = [];
      let size = 0;
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        size += value.byteLength;
        if (size > maxBytes) {
          await reader.cancel();
          tooLarge();
          return;
        }
        chunks.push(value);
      }
      const body = new Uint8Array(size);
      let offset = 0;
      for (const chunk of chunks) {
        body.set(chunk, offset);
        offset += chunk.byteLength;
      }
      payload.setRequest(
        new fetchAPI.Request(request.url, {
          method: request.method,
          headers: request.headers,
          body,
        }),
      );
    },
  };
}
