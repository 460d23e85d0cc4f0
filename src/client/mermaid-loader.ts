/**
 * Diagrams beautiful-mermaid cannot draw (pie, gantt, …), drawn in the browser: mermaid is imported
 * lazily, redraws when the colour scheme changes, and an error box replaces a blank space.
 */
import { thinTickLabels } from '../lib/axis-ticks.ts';

/** Draws every `figure.diagram-client pre.mermaid` on the page, and again on a colour-scheme change. */
export function drawClientDiagrams(): void {
  const blocks = [...document.querySelectorAll<HTMLPreElement>('figure.diagram-client pre.mermaid')];
  const scheme = window.matchMedia('(prefers-color-scheme: dark)');
  // textContent before mermaid touches anything: the source stays the one the author wrote.
  const sources = blocks.map((pre) => pre.textContent ?? '');
  let queue: Promise<void> = Promise.resolve();
  let generation = 0;

  /** Shows (or clears) the visible error of one diagram. */
  function showError(figure: HTMLElement, message: string | undefined) {
    figure.querySelector('.diagram-error')?.remove();
    if (message === undefined) return;
    const box = document.createElement('div');
    box.className = 'diagram-error';
    box.setAttribute('role', 'alert');
    box.dataset['pagefindIgnore'] = '';
    const title = document.createElement('strong');
    title.textContent = 'This diagram could not be drawn.';
    const detail = document.createElement('pre');
    detail.textContent = message;
    box.append(title, ' The source is shown below.', detail);
    figure.querySelector('.diagram-canvas')?.before(box);
  }

  /** Hides gantt x-axis labels that would overlap their neighbours (every n-th one stays). */
  function thinAxisLabels(drawn: HTMLElement) {
    const ticks = [...drawn.querySelectorAll<SVGGElement>('g.grid g.tick')];
    const texts = ticks.map((tick) => tick.querySelector('text'));
    if (texts.some((text) => !text)) return;
    const labels = texts.map((text) => {
      const box = text!.getBoundingClientRect();
      return { x: box.left + box.width / 2, width: box.width };
    });
    const kept = new Set(thinTickLabels(labels));
    texts.forEach((text, i) => {
      if (!kept.has(i)) text!.style.display = 'none';
    });
  }

  async function draw(run: number) {
    // mermaid's own prebuilt bundle, served beside the site's assets (src/integrations/mermaid-bundle.ts).
    const { default: mermaid } = (await import(/* @vite-ignore */ __MERMAID_URL__)) as typeof import('mermaid');
    const theme = scheme.matches ? 'dark' : 'default';
    // The 'base' theme takes the site's own colours (hex custom properties), so a drawn diagram
    // matches the build-time ones in both schemes; it bakes them in, hence a redraw on change.
    const css = getComputedStyle(document.documentElement);
    const v = (name: string) => css.getPropertyValue(name).trim();
    mermaid.initialize({
      startOnLoad: false,
      theme: 'base',
      darkMode: scheme.matches,
      themeVariables: {
        darkMode: scheme.matches,
        background: v('--surface'),
        primaryColor: v('--surface-2'),
        primaryTextColor: v('--text'),
        primaryBorderColor: v('--border'),
        secondaryColor: v('--surface-2'),
        tertiaryColor: v('--surface'),
        lineColor: v('--muted'),
        textColor: v('--text'),
        titleColor: v('--text'),
        pie1: v('--accent'),
        pie2: v('--sev2'),
        pie3: v('--sev4'),
        pie4: v('--sev3'),
        pie5: v('--sev1'),
        pie6: v('--muted'),
        pieTitleTextColor: v('--text'),
        pieLegendTextColor: v('--text'),
        pieSectionTextColor: v('--bg'),
        pieStrokeColor: v('--surface'),
        pieOuterStrokeColor: v('--border'),
        // Gantt: bars in the accent colour (the base theme's pale grey vanishes on a dark card),
        // section bands barely tinted, text inside a bar in the colour that reads on the accent.
        taskBkgColor: v('--accent'),
        taskBorderColor: v('--accent'),
        taskTextColor: v('--accent-text'),
        taskTextLightColor: v('--accent-text'),
        taskTextDarkColor: v('--accent-text'),
        taskTextOutsideColor: v('--text'),
        activeTaskBkgColor: v('--sev2'),
        activeTaskBorderColor: v('--sev2'),
        doneTaskBkgColor: v('--muted'),
        doneTaskBorderColor: v('--muted'),
        critBkgColor: v('--danger'),
        critBorderColor: v('--danger'),
        sectionBkgColor: v('--surface-2'),
        sectionBkgColor2: v('--surface-2'),
        altSectionBkgColor: v('--surface'),
        excludeBkgColor: v('--surface-2'),
        gridColor: v('--border'),
        todayLineColor: v('--focus'),
      },
      // Gantt charts are drawn 1200px wide and scaled down, which shrinks their text to ~6px:
      // draw them at the column's width instead (narrow screens scroll).
      gantt: {
        useWidth: Math.max(560, blocks[0]?.parentElement?.clientWidth ?? 0),
        fontSize: 13,
        sectionFontSize: 13,
        barHeight: 22,
      },
      // Mermaid 12 defaults to ELK, which triples the JavaScript a page downloads.
      layout: 'dagre',
      securityLevel: 'strict',
      suppressErrorRendering: true,
      fontFamily: getComputedStyle(document.body).fontFamily,
    });
    for (const [n, pre] of blocks.entries()) {
      if (run !== generation) return; // a newer colour-scheme change started over
      const figure = pre.closest<HTMLElement>('figure')!;
      let drawn = figure.querySelector<HTMLElement>('.diagram-drawn');
      try {
        const { svg } = await mermaid.render(`hindsight-mermaid-${n}-${run}`, sources[n]!);
        if (!drawn) {
          drawn = document.createElement('div');
          drawn.className = 'diagram-drawn';
          pre.after(drawn);
        }
        drawn.innerHTML = svg;
        // The labels are already described by the figure's hidden text.
        drawn.querySelector('svg')?.setAttribute('aria-hidden', 'true');
        thinAxisLabels(drawn);
        pre.hidden = true;
        figure.dataset['rendered'] = theme;
        showError(figure, undefined);
      } catch (error) {
        drawn?.remove();
        pre.hidden = false;
        delete figure.dataset['rendered'];
        showError(figure, error instanceof Error ? error.message : String(error));
      }
    }
  }

  if (blocks.length > 0) {
    const schedule = () => {
      const run = ++generation;
      queue = queue
        .then(() => draw(run))
        .catch((error: unknown) => {
          // Loading mermaid itself failed (offline, blocked): say so on every diagram.
          for (const pre of blocks)
            showError(pre.closest<HTMLElement>('figure')!, `Could not load the diagram renderer: ${String(error)}`);
        });
    };
    schedule();
    scheme.addEventListener('change', schedule);
  }
}
