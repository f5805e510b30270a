import { describe, expect, it } from "vitest";
import { checkActionArguments, readActionArguments } from "./action-guard";

const CREATE_ORG = "lib/server/actions/organization.ts#createOrganizationAction";
const REMOVE_MEMBER = "lib/server/actions/organization.ts#removeMemberAction";
const PREVIEW_CSV = "lib/server/actions/consultant.ts#previewCsvAction";

describe("the server-action gate", () => {
  it("lets through what a page sends", () => {
    expect(checkActionArguments(CREATE_ORG, [{ message: "$undefined" }, "$K1"], true)).toEqual({ ok: true });
    expect(checkActionArguments(REMOVE_MEMBER, ["org1", "$$user"], false)).toEqual({ ok: true });
    expect(checkActionArguments(PREVIEW_CSV, ["org1", "a,b", "$undefined"], false)).toEqual({ ok: true });
    expect(checkActionArguments(PREVIEW_CSV, ["org1", "a,b"], false)).toEqual({ ok: true });
    expect(checkActionArguments(undefined, ["anything"], false)).toEqual({ ok: true });
    // <form action={signOutAction}>: React passes the form data to a function that takes nothing.
    expect(checkActionArguments("lib/server/actions/account.ts#signOutAction", ["$K1"], true)).toEqual({ ok: true });
  });

  it("refuses arguments of the wrong kind or number, and references a page never sends", () => {
    expect(checkActionArguments(CREATE_ORG, [{}, "not form data"], false)).toMatchObject({ ok: false, reason: "Argument 2 must be form data." });
    expect(checkActionArguments(CREATE_ORG, [{}, "$K1"], false)).toMatchObject({ ok: false });
    expect(checkActionArguments(REMOVE_MEMBER, ["org1", 42], false)).toMatchObject({ ok: false, reason: "Argument 2 must be a string." });
    expect(checkActionArguments(REMOVE_MEMBER, ["org1"], false)).toMatchObject({ ok: false, reason: "The action takes 2 arguments or more, not 1." });
    expect(checkActionArguments(REMOVE_MEMBER, ["org1", "$@1"], false)).toMatchObject({ ok: false, reason: expect.stringMatching(/references/) });
    expect(checkActionArguments(REMOVE_MEMBER, null, false)).toMatchObject({ ok: false });
    // An action without a signature yet gets the body checks only.
    expect(checkActionArguments("lib/server/actions/new.ts#unknownAction", ["x", 1], false)).toEqual({ ok: true });
    expect(checkActionArguments("lib/server/actions/new.ts#unknownAction", ["$Q1"], false)).toMatchObject({ ok: false });
  });

  it("reads the argument list from text and multipart bodies, and refuses anything else", async () => {
    const text = new Request("http://x/", { method: "POST", headers: { "content-type": "text/plain;charset=UTF-8" }, body: '["a",1]' });
    expect(await readActionArguments(text)).toEqual({ ok: true, args: ["a", 1], isMultipart: false });
    const form = new FormData();
    form.set("0", '[{},"$K1"]');
    form.set("1_name", "Acme");
    expect(await readActionArguments(new Request("http://x/", { method: "POST", body: form }))).toEqual({ ok: true, args: [{}, "$K1"], isMultipart: true });
    const broken = new Request("http://x/", { method: "POST", headers: { "content-type": "text/plain" }, body: "{not json" });
    expect(await readActionArguments(broken)).toMatchObject({ ok: false });
    const urlencoded = new Request("http://x/", { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: "a=1" });
    expect(await readActionArguments(urlencoded)).toMatchObject({ ok: false });
  });
});
