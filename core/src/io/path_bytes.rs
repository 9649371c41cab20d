//! Paths in serde: as raw bytes in binary formats (the cache), so a file name
//! that is not UTF-8 is kept exactly, and as (lossy) text in human-readable
//! ones (JSON output), where a string is expected.

use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer, Serializer};

pub(crate) fn serialize<S: Serializer>(path: &Path, s: S) -> Result<S::Ok, S::Error> {
    if s.is_human_readable() {
        s.serialize_str(&path.to_string_lossy())
    } else {
        s.serialize_bytes(path.as_os_str().as_encoded_bytes())
    }
}

pub(crate) fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<PathBuf, D::Error> {
    if d.is_human_readable() {
        return String::deserialize(d).map(PathBuf::from);
    }
    let bytes = serde_bytes_vec(d)?;
    Ok(from_bytes(bytes))
}

fn serde_bytes_vec<'de, D: Deserializer<'de>>(d: D) -> Result<Vec<u8>, D::Error> {
    struct Bytes;
    impl<'de> serde::de::Visitor<'de> for Bytes {
        type Value = Vec<u8>;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a path as bytes")
        }
        fn visit_bytes<E: serde::de::Error>(self, v: &[u8]) -> Result<Vec<u8>, E> {
            Ok(v.to_vec())
        }
        fn visit_byte_buf<E: serde::de::Error>(self, v: Vec<u8>) -> Result<Vec<u8>, E> {
            Ok(v)
        }
    }
    d.deserialize_byte_buf(Bytes)
}

#[cfg(unix)]
fn from_bytes(bytes: Vec<u8>) -> PathBuf {
    use std::os::unix::ffi::OsStringExt;
    PathBuf::from(std::ffi::OsString::from_vec(bytes))
}

#[cfg(not(unix))]
fn from_bytes(bytes: Vec<u8>) -> PathBuf {
    // Elsewhere paths reach the cache from `as_encoded_bytes` of a path that
    // was valid text; anything else is read lossily.
    PathBuf::from(String::from_utf8_lossy(&bytes).into_owned())
}

/// The path whose bytes (`as_encoded_bytes`) are `bytes`, borrowed; on
/// systems other than Unix, `None` for bytes that are not text.
#[cfg(unix)]
pub(crate) fn path_of(bytes: &[u8]) -> Option<&Path> {
    use std::os::unix::ffi::OsStrExt;
    Some(Path::new(std::ffi::OsStr::from_bytes(bytes)))
}

#[cfg(not(unix))]
pub(crate) fn path_of(bytes: &[u8]) -> Option<&Path> {
    std::str::from_utf8(bytes).ok().map(Path::new)
}

#[cfg(test)]
mod tests {
    use serde::{Deserialize, Serialize};
    use std::path::PathBuf;

    #[derive(Serialize, Deserialize, PartialEq, Debug)]
    struct Holder {
        #[serde(with = "super")]
        path: PathBuf,
    }

    #[cfg(unix)]
    #[test]
    fn a_name_that_is_not_utf8_survives_the_cache_format() -> Result<(), postcard::Error> {
        use std::os::unix::ffi::OsStrExt;
        let path = PathBuf::from(std::ffi::OsStr::from_bytes(b"dir/raw-\xff.yaml"));
        let h = Holder { path };
        let bytes = postcard::to_stdvec(&h)?;
        assert_eq!(postcard::from_bytes::<Holder>(&bytes)?, h);
        Ok(())
    }

    #[test]
    fn json_gets_text() -> Result<(), serde_json::Error> {
        let h = Holder {
            path: PathBuf::from("a/b.yaml"),
        };
        let json = serde_json::to_string(&h)?;
        assert_eq!(json, r#"{"path":"a/b.yaml"}"#);
        assert_eq!(serde_json::from_str::<Holder>(&json)?, h);
        Ok(())
    }
}
