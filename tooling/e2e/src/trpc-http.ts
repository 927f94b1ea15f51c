import type { APIRequestContext } from "playwright-core";

/** A tRPC query over HTTP with the caller's cookie (superjson envelope), returning its data. */
export async function query<T>(
  request: APIRequestContext,
  url: string,
  path: string,
  input: unknown,
): Promise<T> {
  const response = await request.get(
    `${url}/trpc/${path}?input=${encodeURIComponent(JSON.stringify({ json: input }))}`,
  );
  if (response.status() !== 200) throw new Error(`${path}: HTTP ${response.status()}`);
  const body = (await response.json()) as { result: { data: { json: T } } };
  return body.result.data.json;
}

/** A tRPC mutation over HTTP; returns the HTTP status and the error code, if any. */
export async function mutate(
  request: APIRequestContext,
  url: string,
  path: string,
  input: unknown,
): Promise<{ status: number; code: string | null }> {
  const response = await request.post(`${url}/trpc/${path}`, { data: { json: input } });
  const body = (await response.json().catch(() => null)) as {
    error?: { json?: { data?: { code?: string } } };
  } | null;
  return { status: response.status(), code: body?.error?.json?.data?.code ?? null };
}
