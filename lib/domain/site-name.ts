/** The product's name, as every page, file and citation writes it. */
export const SITE_NAME = "Open Model Share";
