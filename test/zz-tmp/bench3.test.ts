it("bench keys", () => {
  const keys: string[] = []; for (let r = 1; r <= 20000; r++) for (let c = 1; c <= 12; c++) keys.push(`${r},${c}`);
  const m = new Map(keys.map((k) => [k, { v: 1 }]));
  const time = (name: string, f: () => number) => { const t = process.cpuUsage(); let s = 0; for (let k = 0; k < 5; k++) s += f(); const u = process.cpuUsage(t); return `${name} ${s} ${((u.user + u.system) / 1000).toFixed(0)} ms`; };
  const out = [
    time("slice/Number", () => { let n = 0; for (const k of keys) { const comma = k.indexOf(","); n += Number(k.slice(0, comma)) + Number(k.slice(comma + 1)); } return n; }),
    time("charCode", () => { let n = 0; for (const k of keys) { let r = 0, i = 0, ch; while ((ch = k.charCodeAt(i++)) !== 44) r = r * 10 + ch - 48; let c = 0; for (; i < k.length; i++) c = c * 10 + k.charCodeAt(i) - 48; n += r + c; } return n; }),
    time("template get", () => { let n = 0; for (let r = 1; r <= 20000; r++) for (let c = 1; c <= 12; c++) n += m.get(`${r},${c}`)!.v; return n; }),
    time("prefix get", () => { let n = 0; for (let r = 1; r <= 20000; r++) { const p = r + ","; for (let c = 1; c <= 12; c++) n += m.get(p + c)!.v; } return n; }),
    time("iterate", () => { let n = 0; for (const [k, v] of m) n += v.v + k.length; return n; }),
  ];
  console.log(out.join("\n"));
});
