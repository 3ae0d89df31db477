# A bastion for database access, in a private subnet with no inbound port: operators reach it with SSM Session
# Manager port forwarding (README.md, "Reach the database"). IMDSv2 only, encrypted disk.

data "aws_ssm_parameter" "bastion_ami" {
  name = var.bastion_ami_parameter
}

resource "aws_iam_role" "bastion" {
  name = "${var.name}-bastion"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = ["sts:AssumeRole"], Principal = { Service = "ec2.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "bastion_ssm" {
  role       = aws_iam_role.bastion.name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/AmazonSSMManagedInstanceCore"
}

resource "aws_iam_instance_profile" "bastion" {
  name = "${var.name}-bastion"
  role = aws_iam_role.bastion.name
}

resource "aws_instance" "bastion" {
  ami                         = data.aws_ssm_parameter.bastion_ami.value
  instance_type               = var.bastion_instance_type
  subnet_id                   = aws_subnet.private[0].id
  vpc_security_group_ids      = [aws_security_group.bastion.id]
  iam_instance_profile        = aws_iam_instance_profile.bastion.name
  associate_public_ip_address = false
  user_data                   = "#!/bin/sh\ndnf install -y postgresql16\n"

  metadata_options {
    http_tokens   = "required"
    http_endpoint = "enabled"
  }

  root_block_device {
    encrypted   = true
    volume_size = 8
  }

  tags = { Name = "${var.name}-bastion" }

  lifecycle {
    ignore_changes = [ami]
  }
}
