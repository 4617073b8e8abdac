/** Volunteer applications and field reports (#8); filled in by that capability. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface VolunteerTables {}
