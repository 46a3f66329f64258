-- The expo's brand color (#rrggbb), used for the platform's primary color on every page.
ALTER TABLE expos ADD COLUMN brand_color TEXT;
