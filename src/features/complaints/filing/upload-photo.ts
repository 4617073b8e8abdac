// Moved to lib so the mediation room sends photos through the same pipeline; kept here for the filing code's imports.
export * from '@/lib/upload-photo'
