# Writes LIBRARY.sha256 with the library's SHA-256, hex, no newline.
file(SHA256 "${LIBRARY}" digest)
file(WRITE "${LIBRARY}.sha256" "${digest}")
