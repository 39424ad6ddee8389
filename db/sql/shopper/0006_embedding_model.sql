-- The model that produced text_embedding and image_desc_embed (issue 19). Vectors of another model than the current one are
-- never compared with the current model's; the re-embed job (shopper.reembed) replaces them in the background.
alter table shopper.products add column text_embedding_model text;
update shopper.products set text_embedding_model = 'local-ngram-256-v1' where text_embedding is not null;
-- stored search results were ranked with the hashed vectors: drop them (they are a cache; the next search recomputes)
delete from shopper.search_results;
