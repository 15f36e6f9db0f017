-- The form a circular was issued from (issue 15): the page's preview hands out a token with its 签发 button, and a
-- second submission of the same form (a double click, the back button) finds the circular it already issued instead
-- of issuing another. Circulars issued through the API without a token leave it empty.
alter table circular add column request_token varchar(64);
create unique index uq_circular_request_token on circular (request_token);
