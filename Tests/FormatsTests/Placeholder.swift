// Placeholder until the first test file lands; delete it then.
