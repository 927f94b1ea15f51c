// tRPC initialisation: the context every procedure receives, and the procedure builders.
import { initTRPC } from "@trpc/server";
import type { Kysely } from "kysely";
import superjson from "superjson";
import { ZodError, z } from "zod";
import type { Database, Engine } from "@coherence/db";

export interface Context {
  db: Kysely<Database>;
  engine: Engine;
}

const t = initTRPC.context<Context>().create({
  transformer: superjson,
  errorFormatter({ shape, error }) {
    // Field-level messages the web app can show next to the input that caused them.
    const fieldErrors =
      error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : null;
    return { ...shape, data: { ...shape.data, fieldErrors } };
  },
});

export const createTRPCRouter = t.router;
export const createCallerFactory = t.createCallerFactory;
export const publicProcedure = t.procedure;
