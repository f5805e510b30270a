import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateInventory, type Inventory } from "../engine/index.js";
import { loadExamples } from "../../tests/support/examples.js";
import { importCsvComponents, previewCsv, slugifyId, suggestMapping, translateKind, type CsvMapping } from "./csv-components.js";

const RMM = readFileSync(new URL("./fixtures/rmm-devices.csv", import.meta.url), "utf8");
const harbor = loadExamples().find((e) => e.name === "harbor-dental")!.inventory as Inventory;

/** The line an editor shows for the first occurrence of `needle` (counted here, independently of the parser). */
function lineOfText(text: string, needle: string): number {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`not in the fixture: ${needle}`);
  return text.slice(0, at).split(/\r\n|\n|\r/).length;
}

describe("the RMM export fixture", () => {
  it("is what an RMM tool writes: a byte-order mark, CRLF, quoted commas, a multi-line note, blank lines", () => {
    expect(RMM.charCodeAt(0)).toBe(0xfeff);
    expect(RMM).toContain("\r\n");
    expect(RMM.replace(/\r\n/g, "")).not.toContain("\n");
    expect(RMM).toContain('"HQ, Main Street"');
    expect(RMM).toContain("\r\n\r\n");
    expect(RMM).toMatch(/"Runs the imaging bridge\.\r\nDo NOT/);
  });

  it("previews with the headers, the first rows at their lines and a sensible mapping", () => {
    const preview = previewCsv(RMM, { rows: 5 });
    expect(preview.ok).toBe(true);
    expect(preview.errors).toEqual([]);
    expect(preview.delimiter).toBe(",");
    expect(preview.headerLine).toBe(1);
    expect(preview.headers[0]).toBe("Device Name"); // the byte-order mark is not part of it
    expect(preview.headers).toHaveLength(10);
    expect(preview.totalRows).toBe(32);
    expect(preview.rows).toHaveLength(5);
    expect(preview.rows[0]).toEqual({
      line: 2,
      cells: ["FRONTDESK-01", "Windows Workstation", "HQ, Main Street", "10.0.1.21", "Windows 11 Pro", "Dell", "OptiPlex 7010", "7XK2P31", "2026-11-20 08:14", ""],
    });
    expect(preview.suggestedMapping).toEqual({
      name: "Device Name",
      kind: "Device Type",
      notes: ["Site", "IP Address", "OS", "Manufacturer", "Model", "Serial Number", "Last Seen", "Notes"],
    });
    const byValue = Object.fromEntries(preview.kindValues.map((k) => [k.value, [k.kind, k.count, k.match]]));
    expect(byValue["Windows Workstation"]).toEqual(["endpoint", 5, "keyword"]);
    expect(byValue["Laptop"]).toEqual(["endpoint", 2, "exact"]);
    expect(byValue["Smart TV"]).toEqual(["other", 1, "unknown"]);
    expect(byValue[""]).toEqual(["other", 1, "empty"]);
    expect(preview.kindValues[0]!.value).toBe("Windows Workstation"); // most frequent first
  });

  it("imports every device with its kind, id, notes and line", () => {
    const mapping: CsvMapping = { ...previewCsv(RMM).suggestedMapping, monitored: true };
    const result = importCsvComponents(RMM, mapping, harbor);
    expect(result.rowErrors).toEqual([]);
    expect(result.ok).toBe(true);
    expect(result.components).toHaveLength(32);

    const expectedKinds: Record<string, string> = {
      "FRONTDESK-01": "endpoint", "FRONTDESK-02": "endpoint", "RECEPTION-PC": "endpoint", "DR-SMITH-LT": "endpoint",
      "DR-JONES-LT": "endpoint", "HYGIENE-1": "endpoint", "HYGIENE-2": "endpoint", "XRAY-WS": "endpoint",
      "PMS-SRV": "server", "IMAGING-VM": "server", "HV-HOST-01": "server", "ESX-BRANCH": "server", "DC-01": "server",
      "CORE-SW": "network", 'Lab "B" switch': "network", "EDGE-RTR": "network", "FW-01": "network", "AP-LOBBY": "network",
      "AP-OPS": "network", "BRANCH-RTR": "network", "NAS-01": "storage", "SAN-A": "storage", "BACKUP-NAS": "storage",
      "UPS-CABINET": "ups", "UPS-BRANCH": "ups", "PRINTER-FRONT": "endpoint", "LOBBY-TV": "other", "CAM-ENTRANCE": "other",
      "BÜRO-MAC": "endpoint", "ISP-MODEM": "internet", "PHONE-SYS": "other",
    };
    for (const c of result.components) expect([c.name, c.kind]).toEqual([c.name, expectedKinds[c.name!]]);
    expect(result.components.every((c) => c.monitored === true)).toBe(true);

    const byId = new Map(result.components.map((c, i) => [c.id, { c, line: result.lines[i]! }]));
    expect(byId.get("frontdesk-01")!.line).toBe(2);
    expect(byId.get("lab-b-switch")!.c.name).toBe('Lab "B" switch');
    expect(byId.get("buro-mac")!.c.name).toBe("BÜRO-MAC");
    // Two devices called RECEPTION-PC; harbor-dental has no such id, so the first keeps it.
    expect(byId.get("reception-pc")!.line).toBe(lineOfText(RMM, "RECEPTION-PC,Desktop,\"HQ"));
    expect(byId.get("reception-pc-2")!.line).toBe(lineOfText(RMM, "RECEPTION-PC,Desktop,\"Branch"));
    for (const c of result.components) {
      const written = c.name!.includes('"') ? `"${c.name!.replace(/"/g, '""')}"` : c.name!;
      if (c.name !== "RECEPTION-PC") expect(byId.get(c.id)!.line, c.name).toBe(lineOfText(RMM, `${written},`));
    }

    const xray = byId.get("xray-ws")!.c;
    expect(xray.notes).toBe(
      "Site: HQ, Main Street; IP Address: 10.0.1.60; OS: Windows 10 IoT; Manufacturer: Dell; Model: Precision 3460; " +
        "Serial Number: 9ZM4R51; Last Seen: 2026-11-21 07:00; Notes: Runs the imaging bridge.\nDo NOT reboot during patient hours.\n" +
        "Vendor: Carestream, ticket portal only",
    );
    // The note spans three lines and a blank line follows it.
    expect(byId.get("pms-srv")!.line).toBe(byId.get("xray-ws")!.line + 4);

    // Unknown types are warnings, not errors; so are the blank type and the renamed duplicate.
    expect(result.warnings).toEqual([
      { line: lineOfText(RMM, "LOBBY-TV"), column: "Device Type", message: 'unknown type "Smart TV": imported as "other" (choose a kind for it to change that)' },
      { line: lineOfText(RMM, "CAM-ENTRANCE"), column: "Device Type", message: 'unknown type "IP Camera": imported as "other" (choose a kind for it to change that)' },
      { line: lineOfText(RMM, "RECEPTION-PC,Desktop,\"Branch"), column: "Device Name", message: 'the id "reception-pc" is already taken; this row is imported as "reception-pc-2"' },
      { line: lineOfText(RMM, "PHONE-SYS"), column: "Device Type", message: 'no type given: imported as "other"' },
    ]);

    // The result joins the inventory as a valid whole.
    const merged = { ...harbor, components: [...(harbor.components ?? []), ...result.components] };
    expect(validateInventory(merged).ok).toBe(true);
  });

  it("keeps clear of existing ids and lets the user override the kind of a type", () => {
    const existing = { components: [{ id: "pms-srv", kind: "server" as const }, { id: "nas-01", kind: "storage" as const }] };
    const result = importCsvComponents(RMM, { name: "Device Name", kind: "Device Type", kinds: { "smart tv": "endpoint", Printer: "other" } }, existing);
    expect(result.ok).toBe(true);
    const ids = result.components.map((c) => c.id);
    expect(ids).toContain("pms-srv-2");
    expect(ids).toContain("nas-01-2");
    expect(ids).not.toContain("pms-srv");
    expect(new Set(ids).size).toBe(ids.length);
    expect(result.components.find((c) => c.name === "LOBBY-TV")!.kind).toBe("endpoint");
    expect(result.components.find((c) => c.name === "PRINTER-FRONT")!.kind).toBe("other");
    expect(result.warnings.some((w) => w.message.includes("Smart TV"))).toBe(false);
  });
});

describe("row errors", () => {
  const header = "Name,Type,Failures per year,Repair hours,Monitored,Notes";

  it("reports each bad row at its exact line, counting blank lines and multi-line quoted notes", () => {
    const text = [
      header, //                                                  1
      "srv,Server,0.5,24,yes,", //                                2
      'nas,NAS,,,no,"two', //                                     3
      'lines"', //                                                4
      "", //                                                      5
      "pc,Workstation,abc,8,yes,", //                             6  failures not a number
      "rtr,Router,1,0,yes,", //                                   7  repair hours 0
      ",Switch,1,2,yes,note", //                                  8  no name
      "fw,Firewall,1,2,maybe,", //                                9  monitored not yes/no
      "ap,Access point,1,2,yes,a,b", //                          10  unquoted comma
      'ups,UPS,1,2,yes,"ok, quoted"', //                         11
      "sw,Switch,-1,2,yes,", //                                  12  negative failures
      "", //                                                     13
    ].join("\r\n");
    const result = importCsvComponents(text, suggestMapping(header.split(",")), null);
    expect(result.ok).toBe(false);
    expect(result.components).toEqual([]);
    expect(result.rowErrors).toEqual([
      { line: 6, column: "Failures per year", message: 'failures per year must be a number such as 2 or 0.5 (got "abc")' },
      { line: 7, column: "Repair hours", message: 'repair hours must be greater than 0 (got "0")' },
      { line: 8, column: "Name", message: "the name is empty: every component needs a name (or an id)" },
      { line: 9, column: "Monitored", message: 'monitored must be yes or no (got "maybe")' },
      { line: 10, message: 'this row has 7 values but the header has 6 columns (a value containing "," must be quoted)' },
      { line: 12, column: "Failures per year", message: 'failures per year must be at least 0 (got "-1")' },
    ]);

    const skipped = importCsvComponents(text, suggestMapping(header.split(",")), null, { skipInvalidRows: true });
    expect(skipped.ok).toBe(true);
    expect(skipped.components.map((c) => c.id)).toEqual(["srv", "nas", "ups"]);
    expect(skipped.lines).toEqual([2, 3, 11]);
    expect(skipped.components[1]!.notes).toBe("two\nlines");
    expect(skipped.rowErrors).toHaveLength(6);
  });

  it("an unclosed quote stops the import at the line where it opens, even with skipInvalidRows", () => {
    const text = [header, "srv,Server,0.5,24,yes,", "", 'nas,NAS,1,2,no,"never closed', "pc,Workstation,1,2,yes,"].join("\n");
    const result = importCsvComponents(text, suggestMapping(header.split(",")), null, { skipInvalidRows: true });
    expect(result.ok).toBe(false);
    expect(result.rowErrors).toEqual([{ line: 4, message: expect.stringMatching(/^a quoted value that starts in this row is never closed properly/) }]);
    expect(previewCsv(text).ok).toBe(false);
  });

  it("counts old Mac line endings (a lone CR) and reports a stray quote that swallows the file at its row", () => {
    const cr = 'Name,Type,Notes\r\rsrv,Server,"a\rb"\rpc,Workstation,x\rbad,Server,"q"z"\r';
    const result = importCsvComponents(cr, { name: "Name", kind: "Type", notes: ["Notes"] }, null, { skipInvalidRows: true });
    expect(result.lines).toEqual([3, 5]);
    expect(result.components[0]!.notes).toBe("a\nb");
    expect(result.rowErrors).toEqual([{ line: 6, message: expect.stringMatching(/^a quote inside a value must be doubled/) }]);
    const stray = 'Name,Type\n"multi\nline name",Server\n,\n  ,  \nx,"bad"quote\ny,Server\n';
    expect(importCsvComponents(stray, { name: "Name" }, null, { skipInvalidRows: true }).rowErrors).toEqual([
      { line: 6, message: expect.stringMatching(/rest of the file was read as part of it/) },
    ]);
  });

  it("a mapping that names a missing column, or maps no name, is refused at the header line", () => {
    const text = `\n${header}\nsrv,Server,,,,\n`;
    expect(importCsvComponents(text, { name: "Hostname" }, null).rowErrors).toEqual([
      { line: 2, column: "Hostname", message: expect.stringMatching(/^the mapping names a column "Hostname" that the header does not have/) },
    ]);
    expect(importCsvComponents(text, { kind: "Type" }, null).rowErrors).toEqual([
      { line: 2, message: "map a column to the name (or the id) of the components" },
    ]);
    const bad = importCsvComponents(text, { name: "Name", kinds: { printer: "printer" } } as unknown as CsvMapping, null);
    expect(bad.ok).toBe(false);
    expect(bad.rowErrors[0]!.message).toMatch(/^mapping\.kinds\.printer: must be one of: site, power/);
  });

  it("empty files and files without rows say so and never throw", () => {
    expect(importCsvComponents("", { name: "Name" }, null).rowErrors).toEqual([{ line: 1, message: "the file has no header row: it is empty" }]);
    expect(importCsvComponents("\ufeff\r\n\r\n", { name: "Name" }, null).ok).toBe(false);
    const headerOnly = importCsvComponents(`${header}\r\n`, { name: "Name" }, null);
    expect(headerOnly).toMatchObject({ ok: true, components: [], rowErrors: [] });
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 200 }), (text) => {
        const result = importCsvComponents(text, { name: "Name", kind: "Type" }, harbor, { skipInvalidRows: true });
        for (const e of [...result.rowErrors, ...result.warnings]) expect(e.line).toBeGreaterThanOrEqual(1);
        previewCsv(text);
      }),
      { numRuns: 500 },
    );
  });
});

describe("row errors over generated files", () => {
  type RowKind = "valid" | "badNumber" | "zeroRepair" | "emptyName" | "badMonitored" | "extraField";
  const rowArb = fc.record({
    kind: fc.constantFrom<RowKind>("valid", "valid", "valid", "badNumber", "zeroRepair", "emptyName", "badMonitored", "extraField"),
    name: fc.stringMatching(/^[A-Za-z][A-Za-z0-9 .-]{0,12}$/),
    type: fc.constantFrom("Server", "Laptop", "Switch", "NAS", "Toaster", ""),
    repair: fc.constantFrom("", "4", "0.5", "72"),
    monitored: fc.constantFrom("", "yes", "no", "TRUE"),
    noteLines: fc.array(fc.string({ unit: "grapheme-ascii", maxLength: 12 }), { maxLength: 3 }),
    blankBefore: fc.nat({ max: 2 }),
  });

  it("every invalid row, and only those, is reported at the line where it starts", () => {
    fc.assert(
      fc.property(fc.array(rowArb, { minLength: 1, maxLength: 25 }), fc.constantFrom("\r\n", "\n"), fc.boolean(), (rows, nl, bom) => {
        const parts = ["Name,Type,Repair hours,Monitored,Notes"];
        let line = 1;
        const invalidLines: number[] = [];
        const validLines: number[] = [];
        for (const row of rows) {
          for (let i = 0; i < row.blankBefore; i++) {
            parts.push("");
            line++;
          }
          line++;
          const noteLines = row.noteLines.map((l) => l.replace(/[\r\n]/g, " "));
          const cells = [
            row.kind === "emptyName" ? "" : row.name,
            // A row with nothing but an empty name would be a blank line, which is skipped.
            row.kind === "emptyName" ? "Server" : row.type,
            row.kind === "badNumber" ? "n/a" : row.kind === "zeroRepair" ? "0" : row.repair,
            row.kind === "badMonitored" ? "perhaps" : row.monitored,
            `"${noteLines.join(nl).replace(/"/g, '""')}"`,
          ];
          if (row.kind === "extraField") cells.push("stray");
          parts.push(cells.join(","));
          (row.kind === "valid" ? validLines : invalidLines).push(line);
          line += Math.max(0, noteLines.length - 1);
        }
        const text = (bom ? "\ufeff" : "") + parts.join(nl) + nl;
        const result = importCsvComponents(text, { name: "Name", kind: "Type", repairHours: "Repair hours", monitored: "Monitored", notes: ["Notes"] }, null, {
          skipInvalidRows: true,
        });
        expect(result.ok).toBe(true);
        expect([...new Set(result.rowErrors.map((e) => e.line))]).toEqual(invalidLines);
        expect(result.lines).toEqual(validLines);
        for (const c of result.components) expect(c.id).toMatch(/^[a-z0-9][a-z0-9._-]{0,63}$/);
        const strict = importCsvComponents(text, { name: "Name", kind: "Type", repairHours: "Repair hours", monitored: "Monitored", notes: ["Notes"] }, null);
        expect(strict.ok).toBe(invalidLines.length === 0);
        if (!strict.ok) expect(strict.components).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });
});

describe("values", () => {
  it("translates the usual RMM device types", () => {
    const cases: Array<[string, string]> = [
      ["Workstation", "endpoint"], ["Laptop", "endpoint"], ["Server", "server"], ["VM", "server"], ["Virtual Machine", "server"],
      ["Switch", "network"], ["Router", "network"], ["Firewall", "network"], ["Access point", "network"], ["NAS", "storage"],
      ["SAN", "storage"], ["UPS", "ups"], ["Windows Server 2022", "server"], ["Network Attached Storage", "storage"],
      ["network printer", "endpoint"], ["Linux Servers", "server"], ["saas", "saas"], ["Generator", "generator"], ["Microwave", "other"],
    ];
    for (const [value, kind] of cases) expect([value, translateKind(value).kind]).toEqual([value, kind]);
    expect(translateKind("Microwave").match).toBe("unknown");
    expect(translateKind("  ").match).toBe("empty");
    expect(translateKind("MICROWAVE", { microwave: "endpoint" })).toEqual({ kind: "endpoint", match: "override" });
  });

  it("makes ids that match the format from any name", () => {
    expect(slugifyId("Müller's Laptop (2nd)")).toBe("mullers-laptop-2nd");
    expect(slugifyId("--Server__01.")).toBe("server__01");
    expect(slugifyId("会計サーバー")).toBe("component");
    expect(slugifyId("x".repeat(100))).toHaveLength(64);
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (name) => {
        expect(slugifyId(name)).toMatch(/^[a-z0-9][a-z0-9._-]{0,63}$/);
      }),
      { numRuns: 1000 },
    );
  });

  it("de-duplicates long ids within 64 characters", () => {
    const name = "a".repeat(70);
    const text = `Name\n${name}\n${name}\n${name}\n`;
    const ids = importCsvComponents(text, { name: "Name" }, null).components.map((c) => c.id);
    expect(ids).toEqual(["a".repeat(64), `${"a".repeat(62)}-2`, `${"a".repeat(62)}-3`]);
  });

  it("detects a semicolon-delimited export (European Excel) and a single notes column keeps its text", () => {
    const text = "Hostname;Category;Comment\r\nSRV1;Server;racked, labelled\r\n";
    const preview = previewCsv(text);
    expect(preview.delimiter).toBe(";");
    expect(preview.suggestedMapping).toEqual({ name: "Hostname", kind: "Category", notes: ["Comment"] });
    const result = importCsvComponents(text, preview.suggestedMapping, null);
    expect(result.components).toEqual([{ id: "srv1", name: "SRV1", kind: "server", notes: "racked, labelled" }]);
  });

  it("takes an id column when mapped, and cuts notes beyond 2,000 characters with a warning", () => {
    const text = `ID,Name,Notes\nSRV-9,Main server,"${"n".repeat(2500)}"\n`;
    const result = importCsvComponents(text, { id: "ID", name: "Name", notes: ["Notes"] }, null);
    expect(result.components[0]).toMatchObject({ id: "srv-9", name: "Main server" });
    expect(result.components[0]!.notes).toHaveLength(2000);
    expect(result.warnings).toContainEqual({ line: 2, column: "Notes", message: "the notes are longer than 2000 characters and were cut" });
  });
});
