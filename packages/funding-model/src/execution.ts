import { ratioOf } from "./ratio";
import type { Ratio } from "./ratio";

/** Budget execution of a group of budget lines (BRIEF item 4). */
export interface Execution {
  appropriated: number;
  expended: number;
  /** appropriated − expended; negative when more was spent than approved (shown, not hidden). */
  unencumbered: number;
  /** expended ÷ appropriated for display; null when nothing was appropriated. */
  implementationRate: number | null;
  implementationRatio: Ratio | null;
}

/**
 * Unencumbered balance and implementation rate, from any {@link Figures} (a task, an entity, an
 * operation). "Appropriated" is the approved amount of each line: revised if present, else
 * appropriated.
 * @example execution({ appropriated: 1000, expended: 900 }) // → { unencumbered: 100, implementationRate: 0.9, … }
 */
export function execution(figures: { appropriated: number; expended: number }): Execution {
  const implementationRatio = ratioOf(figures.expended, figures.appropriated);
  return {
    appropriated: figures.appropriated,
    expended: figures.expended,
    unencumbered: figures.appropriated - figures.expended,
    implementationRate: implementationRatio ? figures.expended / figures.appropriated : null,
    implementationRatio,
  };
}
