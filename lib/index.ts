export * from './backend';
export * from './data/table';
export * from './data/load-csv';
