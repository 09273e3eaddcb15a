/** How a part of the gallery tells the person what happened: a status line or a problem (an alert). */
export interface Notify {
  status(text: string): void;
  problem(text: string): void;
}
