-- An action is found by the names of the party and the person that own it, and a document
-- keeps its file's name among its words when it is edited. The words are the domain's
-- (`search_document`, which SQL cannot compute): the store writes them again for every entry
-- in this migration's transaction (`migrate::DATA_STEPS`).
SELECT 1;
