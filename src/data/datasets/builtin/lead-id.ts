/** lead_id of row `row`: L0000001 for the first lead. */
export function leadId(row: number): string {
  return `L${String(row + 1).padStart(7, '0')}`;
}
