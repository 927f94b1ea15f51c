// Sign-in, sessions, throttling and API tokens through the real router.
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { ENGINES } from "@coherence/db/testing";
import { createHttpContext } from "../src/index";
import { resolveSession } from "../src/auth/sessions";
import { PASSWORD, createCaller, createFixture } from "./support";
import type { Fixture } from "./support";

describe.each(ENGINES)("authentication on %s", (engine) => {
  let fx: Fixture;
  beforeAll(async () => {
    fx = await createFixture(engine, inject("pgUrl"));
  });
  afterAll(async () => {
    await fx.close();
  });

  it("signs in with the right password, sets a session that identifies the user, and signs out", async () => {
    fx.cookieLog.length = 0;
    const anonymous = fx.caller("anonymous");
    const me = await anonymous.auth.login({ username: "T.Reviewer", password: PASSWORD });
    expect(me).toMatchObject({ username: "t.reviewer", role: "reviewer" });
    const token = fx.cookieLog[0]?.replace("set:", "") ?? "";
    expect(token.length).toBeGreaterThan(30);
    const userId = await resolveSession(fx.connection.db, token, new Date());
    expect(userId).toBe(fx.principals.reviewer?.userId);
    const stored = await fx.connection.db.selectFrom("sessions").select("id_hash").execute();
    expect(stored.map((s) => s.id_hash)).not.toContain(token);

    await createCaller(fx.context(fx.principals.reviewer, { sessionToken: token })).auth.logout();
    expect(fx.cookieLog).toContain("clear");
    expect(await resolveSession(fx.connection.db, token, new Date())).toBeNull();
  });

  it("refuses a wrong password with the same message as an unknown user", async () => {
    const anonymous = fx.caller("anonymous", { client: "10.0.0.9" });
    await expect(
      anonymous.auth.login({ username: "t.admin", password: "wrong" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Wrong username or password" });
    await expect(
      anonymous.auth.login({ username: "nobody", password: "wrong" }),
    ).rejects.toMatchObject({ code: "UNAUTHORIZED", message: "Wrong username or password" });
  });

  it("throttles a username after five failures, even with the right password", async () => {
    const anonymous = fx.caller("anonymous", { client: "10.0.0.10" });
    for (let i = 0; i < 5; i += 1) {
      await expect(
        anonymous.auth.login({ username: "t.finance.unmiss", password: "wrong" }),
      ).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    }
    await expect(
      anonymous.auth.login({ username: "t.finance.unmiss", password: PASSWORD }),
    ).rejects.toMatchObject({ code: "TOO_MANY_REQUESTS" });
    const later = fx.caller("anonymous", {
      client: "10.0.0.10",
      now: () => new Date(Date.now() + 16 * 60 * 1000),
    });
    await expect(
      later.auth.login({ username: "t.finance.unmiss", password: PASSWORD }),
    ).resolves.toMatchObject({ role: "finance_officer" });
  });

  it("expires an idle session", async () => {
    fx.cookieLog.length = 0;
    await fx
      .caller("anonymous", { client: "10.0.0.11" })
      .auth.login({ username: "t.admin", password: PASSWORD });
    const token = fx.cookieLog[0]?.replace("set:", "") ?? "";
    expect(
      await resolveSession(fx.connection.db, token, new Date(Date.now() + 11 * 60 * 60 * 1000)),
    ).not.toBeNull();
    expect(
      await resolveSession(
        fx.connection.db,
        token,
        new Date(Date.now() + 13 * 60 * 60 * 1000 + 11 * 60 * 60 * 1000),
      ),
    ).toBeNull();
  });

  it("accepts a Bearer API token until it is revoked", async () => {
    const reviewer = fx.caller("reviewer");
    const issued = await reviewer.token.create({ name: "briefing script" });
    expect(issued.token).toMatch(/^coh_/);
    const request = (authorization: string) =>
      createHttpContext({
        db: fx.connection.db,
        readDb: fx.connection.readDb,
        engine,
        req: { headers: { authorization }, socket: { remoteAddress: "127.0.0.1" } } as never,
        res: { appendHeader: () => undefined } as never,
        secureCookies: false,
      });
    const withToken = await request(`Bearer ${issued.token}`);
    expect(withToken.principal).toMatchObject({ username: "t.reviewer", via: "token" });
    await expect(createCaller(withToken).operation.list()).resolves.toBeInstanceOf(Array);
    await reviewer.token.revoke({ id: issued.id });
    expect((await request(`Bearer ${issued.token}`)).principal).toBeNull();
    expect((await request("Bearer coh_forged")).principal).toBeNull();
  });

  it("stores passwords only as scrypt hashes", async () => {
    const users = await fx.connection.db.selectFrom("users").select("password_hash").execute();
    for (const { password_hash } of users) {
      expect(password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
      expect(password_hash).not.toContain(PASSWORD);
    }
  });
});
