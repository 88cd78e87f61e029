"""Recognizer registry: name -> class. Only names listed here can be enabled by config (no
loading of code from dotted paths in config files)."""

from __future__ import annotations

from wooflow.detect.recognizers.address import AddressRecognizer
from wooflow.detect.recognizers.base import Recognizer
from wooflow.detect.recognizers.birthdate import BirthdateRecognizer
from wooflow.detect.recognizers.bsn import BsnRecognizer
from wooflow.detect.recognizers.email import EmailRecognizer
from wooflow.detect.recognizers.formfield import FormFieldRecognizer
from wooflow.detect.recognizers.iban import IbanRecognizer
from wooflow.detect.recognizers.idnumber import IdNumberRecognizer
from wooflow.detect.recognizers.person import PersonRecognizer
from wooflow.detect.recognizers.phone import PhoneRecognizer
from wooflow.detect.recognizers.plate import PlateRecognizer
from wooflow.detect.recognizers.postcode import PostcodeRecognizer
from wooflow.detect.recognizers.signature import SignatureRecognizer
from wooflow.detect.recognizers.special_category import SpecialCategoryRecognizer

REGISTRY: dict[str, type[Recognizer]] = {
    cls.NAME: cls
    for cls in (
        PersonRecognizer, EmailRecognizer, PhoneRecognizer, BsnRecognizer, IbanRecognizer,
        AddressRecognizer, PostcodeRecognizer, BirthdateRecognizer, PlateRecognizer,
        SignatureRecognizer, SpecialCategoryRecognizer, IdNumberRecognizer,
        FormFieldRecognizer,
    )
}

__all__ = ["REGISTRY", "Recognizer"]
