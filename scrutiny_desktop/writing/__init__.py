"""Writing aids without Qt: British spelling, standard phrases and the glossary of abbreviations."""
