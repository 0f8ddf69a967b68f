/**
 * Results → SVG: a grouped horizontal bar chart, one group per program, one bar (and colour) per
 * runtime, median seconds on a log scale. Cells without a time are written in the bar's place
 * ("not yet", "wrong", …) so an empty slot is never mistaken for a fast one.
 * @module
 */
import { type Cell, formatSeconds, type ResultTable } from "./_report.ts";

/** Geometry of the chart, in SVG pixels. */
const WIDTH = 980;
const MARGIN_LEFT = 140;
const MARGIN_RIGHT = 60;
const BAR_HEIGHT = 11;
const BAR_GAP = 2;
const GROUP_PADDING = 8;
const LEGEND_ITEM_WIDTH = 175;
const FONT = "DejaVu Sans, Helvetica, Arial, sans-serif";

const GAP_WORDS: Record<Exclude<Cell["kind"], "time">, { text: string; colour: string }> = {
  "wrong": { text: "wrong output", colour: "#c00000" },
  "not-yet": { text: "not yet", colour: "#777777" },
  "timeout": { text: "timeout", colour: "#777777" },
  "skipped": { text: "skipped", colour: "#777777" },
};

function escapeXml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** A tick label: 0.01, 0.5, 2, 100. */
function tickLabel(value: number): string {
  return value >= 1 ? String(Math.round(value)) : String(Number(value.toPrecision(1)));
}

/** The log-scale domain: whole decades around every time in the table. */
export function logDomain(table: ResultTable): { lo: number; hi: number } {
  const times = table.cells.flat().flatMap((cell) =>
    cell.kind === "time" && cell.seconds > 0 ? [cell.seconds] : []
  );
  if (times.length === 0) return { lo: 0.01, hi: 10 };
  const lo = 10 ** Math.floor(Math.log10(Math.min(...times)));
  let hi = 10 ** Math.ceil(Math.log10(Math.max(...times)));
  if (hi <= lo) hi = lo * 10;
  return { lo, hi };
}

/** The chart as a standalone SVG document. */
export function svgChart(table: ResultTable): string {
  const out: string[] = [];
  const plotWidth = WIDTH - MARGIN_LEFT - MARGIN_RIGHT;
  const perRow = Math.max(1, Math.floor((WIDTH - MARGIN_LEFT) / LEGEND_ITEM_WIDTH));
  const legendRows = Math.ceil(table.columns.length / perRow);
  const legendTop = 44;
  const plotTop = legendTop + legendRows * 20 + 12;
  const groupHeight = table.columns.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP + 2 * GROUP_PADDING;
  const plotHeight = table.rows.length * groupHeight;
  const height = plotTop + plotHeight + 56;
  const { lo, hi } = logDomain(table);
  const x = (seconds: number) =>
    MARGIN_LEFT +
    (Math.log10(Math.max(seconds, lo)) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo)) * plotWidth;

  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" font-family="${FONT}">`,
    `<rect width="${WIDTH}" height="${height}" fill="#ffffff"/>`,
    `<text x="${WIDTH / 2}" y="26" font-size="17" font-weight="bold" text-anchor="middle">${
      escapeXml(table.title)
    }</text>`,
  );
  table.columns.forEach((column, i) => {
    const lx = MARGIN_LEFT + (i % perRow) * LEGEND_ITEM_WIDTH;
    const ly = legendTop + Math.floor(i / perRow) * 20;
    out.push(
      `<rect x="${lx}" y="${ly}" width="14" height="14" fill="${column.colour}"/>`,
      `<text x="${lx + 20}" y="${ly + 12}" font-size="13">${escapeXml(column.label)}</text>`,
    );
  });
  table.rows.forEach((row, r) => {
    const top = plotTop + r * groupHeight;
    if (r % 2 === 0) {
      out.push(`<rect x="0" y="${top}" width="${WIDTH}" height="${groupHeight}" fill="#f3f3f3"/>`);
    }
    out.push(
      `<text x="${MARGIN_LEFT - 10}" y="${top + groupHeight / 2 + 5}" font-size="14" text-anchor="end">${
        escapeXml(row.name)
      }</text>`,
    );
  });
  // Grid lines and tick labels: every decade, plus 2 and 5 when the domain spans few decades.
  const decades = Math.round(Math.log10(hi / lo));
  const steps = decades <= 4 ? [1, 2, 5] : [1];
  for (let decade = lo; decade <= hi * 1.0001; decade *= 10) {
    for (const step of steps) {
      const value = decade * step;
      if (value > hi * 1.0001) break;
      const gx = x(value).toFixed(1);
      const major = step === 1;
      out.push(
        `<line x1="${gx}" y1="${plotTop}" x2="${gx}" y2="${plotTop + plotHeight}" stroke="${
          major ? "#999999" : "#d0d0d0"
        }" stroke-width="1"/>`,
        `<text x="${gx}" y="${plotTop + plotHeight + 16}" font-size="${
          major ? 12 : 10
        }" text-anchor="middle" fill="${major ? "#000000" : "#555555"}">${tickLabel(value)}</text>`,
      );
    }
  }
  table.rows.forEach((_, r) => {
    table.columns.forEach((column, c) => {
      const cell = table.cells[r][c];
      const y = plotTop + r * groupHeight + GROUP_PADDING + c * (BAR_HEIGHT + BAR_GAP);
      const textY = (y + BAR_HEIGHT - 2).toFixed(1);
      if (cell.kind === "time") {
        const end = x(cell.seconds);
        out.push(
          `<rect x="${MARGIN_LEFT}" y="${y}" width="${
            Math.max(1, end - MARGIN_LEFT).toFixed(1)
          }" height="${BAR_HEIGHT}" fill="${column.colour}"><title>${
            escapeXml(`${column.label}: ${formatSeconds(cell.seconds)} s`)
          }</title></rect>`,
          `<text x="${(end + 4).toFixed(1)}" y="${textY}" font-size="10" fill="#333333">${
            formatSeconds(cell.seconds)
          }</text>`,
        );
      } else {
        const gap = GAP_WORDS[cell.kind];
        out.push(
          `<text x="${
            MARGIN_LEFT + 4
          }" y="${textY}" font-size="10" font-style="italic" fill="${gap.colour}">${
            escapeXml(`${column.label}: ${gap.text}`)
          }</text>`,
        );
      }
    });
  });
  out.push(
    `<line x1="${MARGIN_LEFT}" y1="${plotTop}" x2="${MARGIN_LEFT}" y2="${
      plotTop + plotHeight
    }" stroke="#000000" stroke-width="1"/>`,
    `<text x="${MARGIN_LEFT + plotWidth / 2}" y="${
      plotTop + plotHeight + 40
    }" font-size="13" text-anchor="middle">${
      escapeXml(table.measure)
    } in seconds, log scale (shorter is faster)</text>`,
    "</svg>",
    "",
  );
  return out.join("\n");
}
