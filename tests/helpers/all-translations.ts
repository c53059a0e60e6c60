// Tests draw charts in every locale without going through a server module: the tables are known.
import "@/lib/i18n/all-translations";
