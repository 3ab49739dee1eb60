"""Your own data from CSV: good files in their usual shapes load; bad rows are named by line."""

from __future__ import annotations

import numpy as np
import pytest

from bpstudio.core.csvdata import load_csv
from bpstudio.core.datasets import DatasetError, with_features
from bpstudio.core.messages import isolated


def write(tmp_path, text: str, name: str = "data.csv", encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


def test_a_header_names_the_label_column_wherever_it_stands(tmp_path):
    path = write(tmp_path, "label,height,weight,age\n1,1.8,80,30\n0,1.6,55,20\n1,1.7,70,40\n"
                           "0,1.5,50,10\n")
    d = load_csv(path, train_share=0.5, seed=0)
    assert d.n_features == 3 and d.plane is None and d.input_shape == (3,)
    assert d.X_train.shape == (3, 2) and d.X_test.shape == (3, 2)
    columns = {tuple(c) for c in np.hstack([d.X_train, d.X_test]).T}
    labels = dict(zip(map(tuple, np.hstack([d.X_train, d.X_test]).T),
                      np.hstack([d.Y_train, d.Y_test])[0]))
    assert columns == {(1.8, 80, 30), (1.6, 55, 20), (1.7, 70, 40), (1.5, 50, 10)}
    assert labels[(1.8, 80, 30)] == 1 and labels[(1.5, 50, 10)] == 0


@pytest.mark.parametrize("text", [
    "0.1;0.2;1\n0.3;0.4;0\n0.5;0.6;1\n",  # semicolons, no header: the label is last
    "# measured in 2026\n\n0.1\t0.2\t1\n0.3\t0.4\t0\n\n0.5\t0.6\t1\n",  # tabs, comments, blanks
    "\ufeffx1,x2,y\r\n0.1,0.2,1\r\n0.3,0.4,0\r\n0.5,0.6,1\r\n",  # a spreadsheet's BOM and CRLF
])
def test_separators_comments_and_line_ends_of_real_files(tmp_path, text):
    d = load_csv(write(tmp_path, text), train_share=0.7, seed=1)
    both = np.hstack([d.X_train, d.X_test])
    assert both.shape == (2, 3)
    assert {tuple(c) for c in both.T} == {(0.1, 0.2), (0.3, 0.4), (0.5, 0.6)}
    assert d.plane is not None and d.plane.source == "csv"  # two feature columns: a plane


def test_two_feature_columns_make_a_plane_whose_features_can_change(tmp_path):
    d = load_csv(write(tmp_path, "a,b,label\n1,2,1\n-1,3,0\n2,-2,1\n0,0,0\n"), seed=2)
    e = with_features(d, ["x1^2", "x1x2"])
    assert e.n_features == 2
    np.testing.assert_array_equal(e.X_train[1], d.points_train[0] * d.points_train[1])


def test_the_split_is_seeded(tmp_path):
    path = write(tmp_path, "".join(f"{k},{k % 3},{k % 2}\n" for k in range(50)))
    a, b = load_csv(path, 0.7, seed=5), load_csv(path, 0.7, seed=5)
    np.testing.assert_array_equal(a.X_train, b.X_train)
    assert a.X_train.shape[1] == 35
    assert not np.array_equal(load_csv(path, 0.7, seed=6).X_train, a.X_train)


def test_bad_rows_are_refused_with_their_line_numbers(tmp_path):
    path = write(tmp_path, "x1,x2,label\n0.1,0.2,1\n0.3,abc,0\n0.5,0.6\n0.7,0.8,2\n0.9,nan,1\n1,1,0\n")
    with pytest.raises(DatasetError) as caught:
        load_csv(path)
    assert str(caught.value) == (
        "data.csv: 4 bad rows, nothing was loaded: line 3: 'abc' is not a number; line 4: "
        "2 fields, expected 3; line 5: the label is 2, not 0 or 1; line 6: 'nan' is not a number")


def test_many_bad_rows_are_counted_after_the_first_five(tmp_path):
    path = write(tmp_path, "1,2,1\n" + "x,2,1\n" * 8)
    with pytest.raises(DatasetError, match=r"line 6: 'x' is not a number; and 3 more$"):
        load_csv(path)


@pytest.mark.parametrize("text,words", [
    ("", "no rows"),
    ("# only a comment\n", "no rows"),
    ("1\n0\n1\n", "line 1 has one column"),
    ("x1,label\n0.5,1\n", "one data row; at least 2"),
])
def test_files_that_are_no_data_set_are_refused(tmp_path, text, words):
    with pytest.raises(DatasetError, match=words):
        load_csv(write(tmp_path, text))


def test_a_binary_or_missing_file_is_refused(tmp_path):
    binary = tmp_path / "image.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe\x00\x81")
    with pytest.raises(DatasetError, match="not a text file"):
        load_csv(binary)
    with pytest.raises(DatasetError, match="missing.csv: file not found"):
        load_csv(tmp_path / "missing.csv")


@pytest.mark.parametrize("text,words", [
    ("0.5,0.3x,1\n0.1,0.2,0\n0.3,0.4,1\n", "line 1: '0.3x' is not a number"),  # not a header
    ("0.5,,1\n0.1,0.2,0\n0.3,0.4,1\n", "line 1: '' is not a number"),
    ("# a\n# b\nx1\n1\n0\n", "line 3 has one column"),
])
def test_a_bad_first_row_is_a_bad_row_and_named_by_its_line(tmp_path, text, words):
    with pytest.raises(DatasetError, match=words):
        load_csv(write(tmp_path, text))


def test_quoted_names_and_a_separator_at_the_end_of_lines_are_read_as_meant(tmp_path):
    d = load_csv(write(tmp_path, '"label","x1","x2",\n1,0.1,0.2,\n0,0.3,0.4\n1,0.5,0.6,\n'))
    both = np.hstack([d.X_train, d.X_test])
    labels = dict(zip(map(tuple, both.T), np.hstack([d.Y_train, d.Y_test])[0]))
    assert labels == {(0.1, 0.2): 1, (0.3, 0.4): 0, (0.5, 0.6): 1}


def test_what_a_csv_needs_is_counted_as_loaded_not_as_its_size(tmp_path):
    """1 MB of "0,1" lines is 2 numbers in 4 bytes: 16 bytes once loaded, 32 with the split's
    copies; refused once that passes the limit, before the rest is read."""
    path = write(tmp_path, "0,1\n" * 250_000)
    with pytest.raises(DatasetError, match="data.csv: more numbers than fit the 4 MB limit once loaded"):
        load_csv(path, max_bytes=4_000_000)
    assert load_csv(path, max_bytes=20_000_000).X_train.shape == (1, 175_000)


def test_a_line_without_end_is_not_held_in_memory(tmp_path):
    path = write(tmp_path, "1," * 2_000_000 + "1\n0,1\n")
    with pytest.raises(DatasetError, match=r"data.csv: line 1 is over 1,048,576 characters long"):
        load_csv(path)


def test_reading_reports_its_progress_in_bytes(tmp_path):
    path = write(tmp_path, "0.5,0.25,1\n" * 20_000)
    seen = []
    load_csv(path, progress=lambda done, total: seen.append((done, total)))
    assert seen and all(total == path.stat().st_size for _, total in seen)
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


@pytest.mark.parametrize("field", ["1_000", "1_0.5", "１２", "١٢", "0x10", "infinity", "-inf",
                                   "1e400", "1.5e", "+", "."])
def test_what_pythons_float_takes_but_a_csv_never_writes_is_not_a_number(tmp_path, field):
    """Python's float() reads 1_000 as 1000 and full-width or Arabic-Indic digits as digits; a
    CSV's number is ASCII digits, a point and an exponent, so such a field names its line."""
    path = write(tmp_path, f"x1,x2,label\n0.1,0.2,1\n0.3,{field},0\n0.5,0.6,1\n")
    with pytest.raises(DatasetError) as caught:
        load_csv(path)
    # (a value of right-to-left digits is isolated in the sentence, as every name is)
    assert str(caught.value) == (f"data.csv: a bad row, nothing was loaded: line 3: "
                                 f"{isolated(repr(field))} is not a number")


def test_plain_numbers_of_every_written_form_are_still_numbers(tmp_path):
    path = write(tmp_path, "x1,x2,label\n+1.,-.5,1\n1E3, 2e-2 ,0\n\"7\",0001.500,1\n")
    ds = load_csv(path, train_share=0.5, seed=0)
    got = sorted(map(tuple, np.hstack([ds.X_train, ds.X_test]).T.tolist()))
    assert got == sorted([(1.0, -0.5), (1000.0, 0.02), (7.0, 1.5)])
