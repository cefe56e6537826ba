"""A down-scaled JPEG preview of an attached image, kept beside the original (never instead):
what the window's thumbnails and the case file's pages show, so that a 20 MB photo is not
decoded for a 6 cm picture. The original stays as it came, byte for byte."""

from __future__ import annotations

import io
from typing import IO

from PIL import Image, ImageOps, UnidentifiedImageError

from wuyang_tasks.domain.errors import ValidationError

PREVIEW_PX = 1280
_QUALITY = 82


def preview_of(name: str, kind: str, stream: IO[bytes]) -> bytes | None:
    """JPEG bytes of the image's preview, or None when the original is small enough to show as
    it is (a JPEG or PNG within :data:`PREVIEW_PX`). A file that claims to be an image but
    cannot be decoded is refused."""
    try:
        with Image.open(stream) as image:
            if kind == "jpg":
                image.draft("RGB", (PREVIEW_PX, PREVIEW_PX))  # decode at 1/2…1/8 scale: fast
            small = max(image.size) <= PREVIEW_PX and kind in ("jpg", "png")
            if small and _upright(image):
                return None
            image = ImageOps.exif_transpose(image)
            image.thumbnail((PREVIEW_PX, PREVIEW_PX))
            if image.mode not in ("RGB", "L"):
                image = _flatten(image)
            out = io.BytesIO()
            image.save(out, "JPEG", quality=_QUALITY, optimize=True)
            return out.getvalue()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError):
        raise ValidationError(f"图片文件“{name}”已损坏或无法读取，未添加。") from None


def _upright(image: Image.Image) -> bool:
    """No EXIF rotation to apply (a phone photo taken sideways needs its preview turned)."""
    return image.getexif().get(0x0112, 1) == 1


def _flatten(image: Image.Image) -> Image.Image:
    rgba = image.convert("RGBA")
    background = Image.new("RGB", rgba.size, "white")
    background.paste(rgba, mask=rgba.getchannel("A"))
    return background
