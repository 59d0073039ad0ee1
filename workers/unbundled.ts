// Stands in (wrangler.jsonc "alias") for schema libraries that hono-openapi's converters
// import lazily for vendors we do not use: every contract is valibot, so these paths never run,
// and bundling them (zod alone is ~200 KiB gzip) would only ship dead weight.
export {};
throw new Error('not bundled: contracts are valibot schemas');
