// Placeholder until the module's first source file lands; delete it then.
