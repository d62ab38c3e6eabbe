"""Label inventory checks: undefined labels, unused glossary terms, scale points and redefinitions."""
