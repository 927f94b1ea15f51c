// @vitest-environment node
import { TRPCClientError } from "@trpc/client";
import { describe, expect, it } from "vitest";
import { apiText, requestErrorText } from "./server-text";

describe("server messages in the interface language", () => {
  it("says statuses, stages and timestamps in the language too", () => {
    const forward = { code: "status_forward_only", params: { status: "committed" }, text: "x" };
    expect(apiText(forward, "fr")).toBe(
      "Une contribution au statut « engagé » ne peut qu'avancer (annoncée → engagée → versée)",
    );
    const stage = { code: "budget_line_stage_exists", params: { ref: "L-1", stage: "revised" } };
    expect(apiText({ ...stage, text: "x" }, "fr")).toBe(
      "La ligne budgétaire L-1 a déjà une ligne au stade « révisé »",
    );
    const changed = {
      code: "record_changed",
      params: { who: "user:ana", at: "2025-03-04T09:05:00.000Z", version: 3 },
      text: "This record was changed by user:ana at 2025-03-04T09:05:00.000Z (now version 3)",
    };
    expect(apiText(changed, "fr")).toMatch(
      /^Cet enregistrement a été modifié par user:ana le 4 mars 2025,? (à )?09:05 UTC \(révision 3\)$/,
    );
    expect(apiText(changed, "en")).toBe(changed.text);
  });

  it("words a failed request from its code, or from its fields' codes", () => {
    const refused = new TRPCClientError("Wrong username or password", {
      result: {
        error: {
          code: -32001,
          message: "Wrong username or password",
          data: { messageCode: { code: "wrong_credentials", params: {} } },
        },
      },
    });
    expect(requestErrorText(refused, "fr")).toBe("Nom d'utilisateur ou mot de passe incorrect");
    expect(requestErrorText(refused, "en")).toBe("Wrong username or password");
    const fields = {
      message: '[{"message":"Enter your username"}]',
      data: {
        fieldErrors: { username: ["Enter your username"], password: ["Enter your password"] },
        fieldCodes: {
          username: [{ code: "enter_username", params: {} }],
          password: [{ code: "enter_password", params: {} }],
        },
      },
    };
    expect(requestErrorText(fields, "fr")).toBe(
      "Saisissez votre nom d'utilisateur Saisissez votre mot de passe",
    );
    expect(requestErrorText(fields, "en")).toBe("Enter your username Enter your password");
    expect(requestErrorText({ message: "Failed to fetch" }, "fr")).toBe("Failed to fetch");
  });
});
