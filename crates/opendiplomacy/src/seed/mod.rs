//! The bundled real data, embedded in the binary, and loading it into a store.
