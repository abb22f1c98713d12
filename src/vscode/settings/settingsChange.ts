// Which parts of Mathdown's settings a configuration change touched, and so who has to react.
export type SettingsArea = 'preview' | 'math' | 'lint' | 'export' | 'editor' | 'notebook';

const AREAS: readonly SettingsArea[] = ['preview', 'math', 'lint', 'export', 'editor', 'notebook'];

export class SettingsChange {
  constructor(readonly areas: ReadonlySet<SettingsArea>) {}

  /** The preview shows the math, so a math change re-renders it too. */
  get affectsPreview(): boolean {
    return this.areas.has('preview') || this.areas.has('math');
  }

  /** Math rendered in the editor follows its own setting and what counts as math. */
  get affectsEditorMath(): boolean {
    return this.areas.has('editor') || this.areas.has('math');
  }

  /** Diagnostics depend on the lint settings and on what counts as math. */
  get affectsLint(): boolean {
    return this.areas.has('lint') || this.areas.has('math');
  }
}

/** `affects(section)`: whether the change touches `section` (VS Code's affectsConfiguration); undefined when no area changed. */
export function settingsChange(affects: (section: string) => boolean): SettingsChange | undefined {
  const areas = new Set(AREAS.filter((area) => affects(`mathdown.${area}`)));
  return areas.size ? new SettingsChange(areas) : undefined;
}
