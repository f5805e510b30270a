// Stands in for `server-only` under vitest and tsx, which do not resolve the react-server condition.
export {};
