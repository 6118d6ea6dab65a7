-- Card tokens by lower(token): a token typed through a Korean keyboard layout has lost most letters' case, so
-- Scan & Redeem finds it case-insensitively by this index, then checks the letters whose case is known (GLOB).
CREATE INDEX `cards_token_lower_idx` ON `cards` (lower("token"));