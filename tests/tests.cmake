# Test registration. Unit tests are one doctest binary; end-to-end tests run
# the built `kyosei` on real datasets and read what it wrote.
add_test(NAME unit COMMAND kyosei_tests)
