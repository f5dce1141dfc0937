-- Sign-ups counted per hour-long window: per client under a peppered HMAC of its address,
-- and for the whole service under the key '*'. A row is deleted once its window is over.
CREATE TABLE signup_counts (
    key TEXT PRIMARY KEY NOT NULL,
    window_start INTEGER NOT NULL,
    count INTEGER NOT NULL
);
