"""The typed core domain: values and entities, rules and verdicts; no I/O, no pluggy."""
