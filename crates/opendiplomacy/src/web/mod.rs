//! The site and its Open API over HTTP.
