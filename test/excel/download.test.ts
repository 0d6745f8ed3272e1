/** Saving the slide deck from the pane, by Office platform (src/excel/download.ts). */
import { dataUrl, saveInOffice, saveMethodFor, type SaveEnvironment } from "../../src/excel/download";

const PPTX = "application/vnd.openxmlformats-officedocument.presentationml.presentation";

function environment(platform: string | null) {
  const clicked: Array<{ href: string; download: string }> = [];
  const env: SaveEnvironment = {
    platform,
    createObjectURL: () => "blob:https://addin.example/1234",
    document: {
      body: { appendChild: (n: unknown) => n } as unknown as HTMLElement,
      createElement: (() => {
        const a = { href: "", download: "", rel: "", style: {} as Record<string, string>, click() { clicked.push({ href: a.href, download: a.download }); }, remove() {} };
        return a;
      }) as unknown as Document["createElement"],
    },
  };
  return { env, clicked };
}

describe("saving the slides inside Excel", () => {
  const bytes = new Uint8Array([80, 75, 3, 4, 255, 0, 128]);

  it("chooses per platform: a blob link on the web, a data: URL on Windows, nothing on Mac", () => {
    expect(saveMethodFor("OfficeOnline")).toBe("blob");
    expect(saveMethodFor(null)).toBe("blob");
    expect(saveMethodFor("PC")).toBe("data-url");
    expect(saveMethodFor("Mac")).toBe("none");
  });

  it("encodes the bytes exactly in a data: URL", () => {
    const url = dataUrl(bytes, PPTX);
    expect(url.startsWith(`data:${PPTX};base64,`)).toBe(true);
    expect([...Buffer.from(url.split(",")[1]!, "base64")]).toEqual([...bytes]);
  });

  it("on Windows clicks a download link to the data: URL and keeps it for the pane to show", () => {
    const { env, clicked } = environment("PC");
    const result = saveInOffice(bytes, "Q2 slides.pptx", PPTX, env);
    expect(result).toMatchObject({ method: "data-url", started: true, fileName: "Q2 slides.pptx" });
    expect(clicked).toEqual([{ href: result.href, download: "Q2 slides.pptx" }]);
    expect(result.advice).toMatch(/Save link as/);
  });

  it("on the web uses a blob link", () => {
    const { env, clicked } = environment("OfficeOnline");
    expect(saveInOffice(bytes, "d.pptx", PPTX, env)).toMatchObject({ method: "blob", href: "blob:https://addin.example/1234" });
    expect(clicked).toHaveLength(1);
  });

  it("on Mac starts nothing and says what works instead", () => {
    const { env, clicked } = environment("Mac");
    const result = saveInOffice(bytes, "d.pptx", PPTX, env);
    expect(result).toMatchObject({ method: "none", started: false, href: null });
    expect(result.advice).toMatch(/Excel on the web/);
    expect(clicked).toHaveLength(0);
  });
});
